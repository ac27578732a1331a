from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "advocacy.calls"
    label = "calls"

    def ready(self):
        # The telephony provider knows no app: with no Twilio account, it hands calls to the runner we give it.
        from advocacy.calls.tasks import simulate_call
        from advocacy.providers.telephony import register_simulator

        register_simulator(lambda **call: simulate_call.delay(**call))
