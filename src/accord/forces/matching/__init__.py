"""Force matching: which pledged units meet the Joint Staff's requirements, found exactly
(``exact``), beside a greedy baseline (``greedy``), or why no set of units does (``shortfall``).

Pure: numpy and scipy only. The model is documented in :mod:`accord.forces.matching.exact`.
"""
