"""The channel-neutral conversation engine: state in the database, typed button actions stored
server-side behind opaque tokens, dialogs declared as steps, and one unit of work per message."""
