#!/bin/sh
set -e
rm -f /usr/lib/systemd/user/shopfront-kiosk.service
