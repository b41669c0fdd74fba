"""Python side of the project: the PyTorch reference model, training, export, evaluation."""
