"""Dynamics analysis: phase planes, bifurcations, fast-slow analysis and slow points."""
