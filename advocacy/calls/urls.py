from django.urls import path

from advocacy.calls import views, webhooks

app_name = "calls"

urlpatterns = [
    path("c/<slug:slug>/call/", views.request_call, name="request"),
    path("calls/<uuid:session_id>/", views.call_status_page, name="status-page"),
    path("calls/<uuid:session_id>/outcome/<int:leg_id>/", views.report_outcome, name="outcome"),
    path("organize/<slug:slug>/call-preview/", views.call_preview, name="preview"),
    path("calls/inbound/", webhooks.inbound, name="inbound"),
    path("calls/twiml/<uuid:session_id>/answer", webhooks.answer, name="answer"),
    path("calls/twiml/<uuid:session_id>/start", webhooks.start, name="start"),
    path("calls/twiml/<uuid:session_id>/next", webhooks.next_target, name="next"),
    path("calls/twiml/<uuid:session_id>/dialed/<int:leg_id>", webhooks.dialed, name="dialed"),
    path("calls/twiml/<uuid:session_id>/office/<int:leg_id>", webhooks.office, name="office"),
    path("calls/twiml/<uuid:session_id>/zip", webhooks.inbound_zip, name="zip"),
    path("calls/twiml/<uuid:session_id>/district", webhooks.inbound_district, name="district"),
    path("calls/status/<uuid:session_id>", webhooks.status, name="status"),
]
