#!/bin/sh
exec apache2-foreground
