#!/bin/sh
W=132 H=43
. tests/e2e/procedure.sh
