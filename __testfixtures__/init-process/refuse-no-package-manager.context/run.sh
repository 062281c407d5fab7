#!/bin/sh
/app/worker &
/app/server
