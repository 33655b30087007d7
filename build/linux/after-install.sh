#!/bin/sh
# Installs the systemd user unit that keeps the kiosk running.
set -e
install -D -m 0644 "/opt/Shopfront Kiosk/resources/shopfront-kiosk.service" /usr/lib/systemd/user/shopfront-kiosk.service 2>/dev/null || true
echo "Shopfront Kiosk installed."
echo "  1. Set the admin PIN as the kiosk user:  echo 123456 | '/opt/Shopfront Kiosk/shopfront-kiosk' --set-admin-pin"
echo "  2. Start it with the session:            systemctl --user enable --now shopfront-kiosk.service"
