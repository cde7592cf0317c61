"""The write stage: the only code that touches output/, staging the site and swapping it in."""
