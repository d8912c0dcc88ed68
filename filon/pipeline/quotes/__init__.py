"""Who said what: the `filon_quotes` component and its steps."""
