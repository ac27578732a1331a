"""CWC (Communicating with Congress): the official channel for constituent messages from registered delivery
agents. House and Senate (SOAPBox) are configured separately; without a host and key a chamber's offices get
the web-form fallback. CWC_HOST/CWC_API_KEY are the House's when the chamber-specific ones are unset.
"""

from advocacy.config.env import env, env_float, env_int, env_list

CWC_HOUSE_HOST = env("CWC_HOUSE_HOST", env("CWC_HOST"))
CWC_HOUSE_API_KEY = env("CWC_HOUSE_API_KEY", env("CWC_API_KEY"))
CWC_SENATE_HOST = env("CWC_SENATE_HOST")
CWC_SENATE_API_KEY = env("CWC_SENATE_API_KEY")
CWC_DELIVERY_AGENT = env("CWC_DELIVERY_AGENT")  # the registered delivery agent's name
CWC_DELIVERY_AGENT_ACK_EMAIL = env("CWC_DELIVERY_AGENT_ACK_EMAIL")
CWC_DELIVERY_AGENT_CONTACT_NAME = env("CWC_DELIVERY_AGENT_CONTACT_NAME")
CWC_DELIVERY_AGENT_CONTACT_EMAIL = env("CWC_DELIVERY_AGENT_CONTACT_EMAIL")
CWC_DELIVERY_AGENT_CONTACT_PHONE = env("CWC_DELIVERY_AGENT_CONTACT_PHONE")
CWC_ORGANIZATION = env("CWC_ORGANIZATION")  # optional: the coalition named in <Organization>
CWC_TOPICS = env_list("CWC_TOPICS", "Immigration")  # Library of Congress policy areas
CWC_TIMEOUT = env_float("CWC_TIMEOUT", 20.0)
CWC_OFFICES_CACHE_SECONDS = env_int("CWC_OFFICES_CACHE_SECONDS", 3600)
