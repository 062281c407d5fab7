console.log("currency");
