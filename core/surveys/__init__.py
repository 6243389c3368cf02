"""설문조사: surveys that the verified residents of a complex answer, one response each."""
