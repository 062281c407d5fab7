#!/bin/sh
ab -n 10 http://web/
