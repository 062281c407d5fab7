#!/bin/sh
exec unitd --no-daemon --control unix:/opt/unit/unit.sock --statedir /opt/unit/state --tmpdir /opt/unit/tmp
