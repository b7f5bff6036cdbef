"""Qt-free domain rules: record kinds, lifecycles, priority."""
