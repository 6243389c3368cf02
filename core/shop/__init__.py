"""알뜰쇼핑: shops of local producers, social-economy organisations, SMEs and partner shops,
their catalog and 기획전, residents' orders with pickup, and in-complex group buys (공동구매)."""
