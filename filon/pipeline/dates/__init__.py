"""Dates resolved against the publication date: the `filon_dates` component and its steps."""
