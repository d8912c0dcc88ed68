"""Entities with identities: the `filon_entities` component and its steps."""
