#!/usr/bin/env bash
# Creates (once) and runs the standalone Artemis broker a Squid Mesh cluster shares, in the foreground.
#   broker.sh ARTEMIS_HOME INSTANCE_DIR [--fresh]
# The broker listens on 127.0.0.1:61616 (core protocol only), requires the login squidmesh/squidmesh, keeps its
# journal in INSTANCE_DIR/data, and has the work queue "squidmesh" with its dead-letter queue "squidmesh-dlq":
# at most 10 deliveries, redelivery 1 s doubling to 60 s; and the queue "squidmesh-events" for external events.
set -euo pipefail
artemis=$1 instance=$2 fresh=${3:-}
if [ "$fresh" = --fresh ]; then
  rm -rf "$instance"
fi
if [ ! -f "$instance/etc/broker.xml" ]; then
  "$artemis/bin/artemis" create "$instance" --silent --user squidmesh --password squidmesh --require-login \
    --host 127.0.0.1 --default-port 61616 --no-web --nio --no-autotune \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --queues squidmesh:anycast,squidmesh-dlq:anycast,squidmesh-events:anycast --java-options "-Xms128m -Xmx512m" > /dev/null
  # the work queue's redelivery policy, next to the catch-all address setting
  sed -i 's#<address-settings>#<address-settings>\n         <address-setting match="squidmesh">\n            <dead-letter-address>squidmesh-dlq</dead-letter-address>\n            <max-delivery-attempts>10</max-delivery-attempts>\n            <redelivery-delay>1000</redelivery-delay>\n            <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>\n            <max-redelivery-delay>60000</max-redelivery-delay>\n         </address-setting>#' "$instance/etc/broker.xml"
fi
exec "$instance/bin/artemis" run
