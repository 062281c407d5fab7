console.log("pds")
