#!/bin/sh
make -C native
