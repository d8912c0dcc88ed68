"""Training the learned parts of filon from labelled articles (`filon train-status`)."""
