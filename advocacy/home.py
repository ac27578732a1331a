from django.shortcuts import render

from advocacy.campaigns.selectors import published_campaigns


def home(request):
    campaigns = published_campaigns().order_by("-window_start")
    return render(request, "home.html", {"campaigns": campaigns})
