"""Partner attribution: which partner's page, snippet or API key brought each call and email."""
