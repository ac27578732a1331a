"""Settings by concern, each read from the environment; advocacy/settings.py imports them all.

env.py reads variables; site.py holds what several concerns depend on (DEBUG, the public URL, the proxy);
the others hold one concern's settings each. A module here imports only env.py and site.py.
"""
