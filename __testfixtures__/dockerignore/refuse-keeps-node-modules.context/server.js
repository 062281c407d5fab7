require("express");
