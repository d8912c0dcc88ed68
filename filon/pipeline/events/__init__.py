"""Agreements and the acts around them: the `filon_events` component and its steps."""
