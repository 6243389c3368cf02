"""Messages the bot sends on its own (notifications, reminders, broadcasts): queued as outbox
rows in the same transaction as their cause, delivered by the sender within channel limits."""
