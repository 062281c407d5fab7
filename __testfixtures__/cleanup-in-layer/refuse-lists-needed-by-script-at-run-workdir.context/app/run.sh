#!/bin/sh
exec ./setup.sh
