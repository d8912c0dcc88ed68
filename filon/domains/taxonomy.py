"""filon's taxonomy of what a deal is about (README, "Domains"). A pack's `deal_domains.csv`
gives the words of each; "other" is what none of them names."""

DOMAINS = ("minerals", "trade", "energy", "defence", "security", "migration", "climate", "finance",
           "health", "technology", "other")
