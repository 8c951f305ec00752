"""The treaty as the people who run it ask about it: articles, rulings, members, the chair."""
