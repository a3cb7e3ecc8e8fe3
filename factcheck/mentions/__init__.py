"""Recognisers: numbers, times and entities found in sentences."""
