#!/bin/sh
W=80 H=24
. tests/e2e/procedure.sh
