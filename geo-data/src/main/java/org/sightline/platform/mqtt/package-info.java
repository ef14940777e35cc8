/**
 * The MQTT broker connection that ingest and alerting share: settings ({@code sightline.mqtt.*})
 * and a factory of Paho MQTT 5 clients tuned for this system; also the one launcher of private
 * Mosquitto brokers ({@link org.sightline.platform.mqtt.LocalMosquitto}) that benchmarks and the
 * tests of every module use. It lives in the geo-data module, the one module every feature module
 * depends on, so that ingest and alerting never import each other.
 */
package org.sightline.platform.mqtt;
