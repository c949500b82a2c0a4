"""The advice: which path fits a person, why, what it costs and pays, what would change it, and
how the recommendation is presented. `rules.recommend` builds the one advice object every
screen renders from."""
