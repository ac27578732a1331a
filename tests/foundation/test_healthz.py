import pytest


@pytest.mark.django_db
def test_healthz_reports_database_and_eager_broker(admin_client):
    response = admin_client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["broker"]["ok"] is True


@pytest.mark.django_db
def test_healthz_is_503_when_the_broker_is_unreachable(admin_client, client, settings):
    from advocacy.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    app._pool = None
    try:
        response = admin_client.get("/healthz")
        public = client.get("/healthz")
    finally:
        app.conf.broker_url = previous
        app._pool = None

    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False
    assert "127.0.0.1" in response.json()["broker"]["detail"]  # staff see which part failed, and why
    assert public.status_code == 503 and public.json() == {"status": "unavailable"}  # anyone else: no hosts


@pytest.mark.django_db
def test_home_page_renders(client):
    response = client.get("/")

    assert response.status_code == 200
    assert b"Take action" in response.content
