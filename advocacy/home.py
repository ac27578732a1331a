from django.shortcuts import render

from advocacy.campaigns.models import Campaign


def home(request):
    campaigns = Campaign.objects.filter(is_published=True).order_by("-window_start")
    return render(request, "home.html", {"campaigns": campaigns})
