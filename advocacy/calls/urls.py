from django.urls import path

from advocacy.calls import callback_views, flow, views

app_name = "calls"

urlpatterns = [
    path("c/<slug:slug>/call/", views.request_call, name="request"),
    path("calls/<uuid:session_id>/", views.call_status_page, name="status-page"),
    path("calls/<uuid:session_id>/outcome/<int:leg_id>/", views.report_outcome, name="outcome"),
    path("calls/<uuid:session_id>/later/", callback_views.call_later, name="later"),
    path("calls/<uuid:session_id>/cancel/<str:token>/", callback_views.cancel_callback, name="cancel"),
    path("organize/<slug:slug>/call-preview/", views.call_preview, name="preview"),
    # Twilio's webhooks, in call order (advocacy/calls/flow.py)
    path("calls/twiml/<uuid:session_id>/answer", flow.answer, name="answer"),
    path("calls/twiml/<uuid:session_id>/start", flow.start, name="start"),
    path("calls/twiml/<uuid:session_id>/next/<int:step>", flow.next_target, name="next"),
    path("calls/twiml/<uuid:session_id>/dialed/<int:leg_id>", flow.dialed, name="dialed"),
    path("calls/twiml/<uuid:session_id>/office/<int:leg_id>", flow.office, name="office"),
    path("calls/status/<uuid:session_id>", flow.status, name="status"),
    path("calls/inbound/", flow.inbound, name="inbound"),
    path("calls/twiml/<uuid:session_id>/zip", flow.inbound_zip, name="zip"),
    path("calls/twiml/<uuid:session_id>/district", flow.inbound_district, name="district"),
]
