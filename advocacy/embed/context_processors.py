def embed(request) -> dict:
    """`embed_mode` in every template: the request's EmbedMode inside a partner's iframe, else None."""
    return {"embed_mode": getattr(request, "embed", None)}
