"""What a supporter is offered once a call or an email is done: share, the other action, a local action near
them, a reminder for the campaign's next moment, and the running count."""
