"""공유마켓: neighbours offer (해드려요) and ask for (구해요) carpools, care, childcare, nursing,
school escort, goods and skills, with safe contact through the bot and thanks as trust."""
