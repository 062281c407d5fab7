require("zigbee-herdsman");
