"""Vehicle routing: a small VRPTW core on OR-Tools, Solomon benchmarks, the work car's
pick-up runs for clients who ride, and the staff kilometre allowance."""
