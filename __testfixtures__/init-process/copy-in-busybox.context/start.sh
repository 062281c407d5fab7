#!/bin/sh
httpd -f -p 8080 -h /www &
wait
