"""What the rest of the settings depend on: DEBUG, the secret key, the hosts, the public URL and the proxy."""

from advocacy.config.env import env, env_bool, env_list

DEBUG = env_bool("DEBUG", default=False)
# Without a SECRET_KEY we only run in DEBUG on a laptop; production must set one.
SECRET_KEY = env("SECRET_KEY") or ("insecure-dev-key-set-SECRET_KEY" if DEBUG or not env("DATABASE_URL") else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DATABASE_URL is set and DEBUG is off.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", "http://localhost:8000").rstrip("/")
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY")
