#!/bin/bash
echo "Starting"
./server
