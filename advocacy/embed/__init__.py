"""The embed: the supporter journey inside a partner's iframe (framing headers, CSRF without cookies, the
embed mode carried through forms and redirects). Views opt in with advocacy.embed.decorators.embeddable."""
