"""Helpers shared by the functions through SharedLayer (Lambda puts python/ on sys.path)."""

import logging
import os


def logger(name):
    log = logging.getLogger(name)
    log.setLevel(os.environ.get("LOG_LEVEL", "INFO"))
    return log


def stage():
    return os.environ.get("STAGE", "dev")
