#!/bin/sh
rm -rf /tmp/cache
