#!/bin/bash
setup-grid
exec /usr/sbin/init
